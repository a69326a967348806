from greenlet import greenlet


def ping():
    for i in range(1, 4):
        print(f'ping {i}')
        gr_pong.switch()  # 跳到 pong，pong 下次 switch 回来时从这里继续


def pong():
    for i in range(1, 4):
        print(f'pong {i}')
        gr_ping.switch()  # 跳回 ping


gr_ping = greenlet(ping)
gr_pong = greenlet(pong)

gr_ping.switch()
print('main 结束')
