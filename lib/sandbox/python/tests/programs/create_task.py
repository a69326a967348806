import asyncio

async def func():
    print('test')
    response = await asyncio.sleep(2)
    print('任务完成')
    return f'执行_____完成： {response}'


async def main():
    print('main')
    ret1 = asyncio.create_task(func())
    ret2 = asyncio.create_task(func())

    res1 = await ret1
    res2 = await ret2
    print('主线程运行')


async_obj = main()
asyncio.run(async_obj)
